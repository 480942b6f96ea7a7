using Mediator;
using Microsoft.AspNetCore.OutputCaching;

namespace AppointmentSlices.Features.Common;

/// <summary>A command after which the public list of doctors may read differently.</summary>
public interface IChangesDoctorList;

/// <summary>
/// The public list of doctors is answered from the output cache: it is read on every visit and changes a few times
/// a day. A command that changes it empties the cache on this instance as it succeeds; another instance of the
/// service shows the change when its copy expires, at most <see cref="Lifetime"/> later.
/// </summary>
public sealed class DoctorListCache(IOutputCacheStore store)
{
    public const string Tag = "doctor-list";

    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public ValueTask EvictAsync(CancellationToken ct) => store.EvictByTagAsync(Tag, ct);
}

/// <summary>Empties the doctor list's cache after every successful command that changes the list.</summary>
public sealed class DoctorListCacheBehavior<TMessage, TResponse>(DoctorListCache cache)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken
    )
    {
        var response = await next(message, cancellationToken);
        if (message is IChangesDoctorList)
        {
            // Not the request's token: the change is committed, so the stale copy goes even if the caller left.
            await cache.EvictAsync(CancellationToken.None);
        }

        return response;
    }
}
