// Small conveniences on top of pages that work without this file; nothing here is needed to book.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
    // After a refused form, take keyboard and screen-reader users straight to what needs fixing.
    const errors = document.getElementById("form-errors");
    if (errors) {
        errors.focus();
    }

    // Copying the manage link needs the clipboard API, so the button only appears where it works.
    for (const button of document.querySelectorAll("button[data-copy]")) {
        const source = document.getElementById(button.dataset.copy);
        if (!source || !navigator.clipboard) {
            continue;
        }
        button.hidden = false;
        button.addEventListener("click", async () => {
            await navigator.clipboard.writeText(source.textContent.trim());
            button.textContent = button.dataset.copied;
        });
    }

    // One booking per click: a second press while the first is on its way would only meet "slot taken".
    for (const form of document.querySelectorAll("form.booking-form, form.cancel-form")) {
        form.addEventListener("submit", () => {
            const submit = form.querySelector("button[type=submit]");
            if (submit) {
                submit.classList.add("is-busy");
                setTimeout(() => (submit.disabled = true), 0);
            }
        });
    }
});
