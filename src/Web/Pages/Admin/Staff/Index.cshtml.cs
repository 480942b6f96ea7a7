using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.CreateStaffUser;
using AppointmentSlices.Features.ListStaffUsers;
using AppointmentSlices.Web.Pages.Admin.Appointments;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace AppointmentSlices.Web.Pages.Admin.Staff;

/// <summary>An admin's list of staff accounts, and the form that opens one for a receptionist or a doctor.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public Guid? DoctorId { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<StaffUserItem> Members { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Doctors { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var command = new CreateStaffUserCommand(
                Email ?? "",
                DisplayName ?? "",
                Role ?? "",
                DoctorId,
                Password ?? ""
            );
            await mediator.Send(command, ct);
            Notice = "The account is ready; give its password to its owner in person.";
            return RedirectToPage();
        }
        catch (ValidationException e)
        {
            Problems = e.Errors.Select(error => error.ErrorMessage).Distinct().ToList();
        }
        catch (ConflictException e) when (e.Type == ProblemTypes.EmailTaken)
        {
            Problems = ["Another staff account has this email address."];
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Members = await mediator.Send(new ListStaffUsersQuery(), ct);
        Doctors = await BackOffice.DoctorOptionsAsync(mediator, DoctorId, ct);
    }
}
