// Behaviour of statically rendered pages (no circuit): filter forms and the navigation drawer.

// Filter forms (method="get", data-drop-empty) leave their empty fields out of the address they open:
// "/practices?theme=drugs" rather than "/practices?theme=drugs&org=&lang=…". Without this script the address keeps
// the empty fields, which the page reads as "any".
document.addEventListener('submit', event => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-drop-empty')) {
        return;
    }
    for (const field of form.elements) {
        if (field.name && field.value === '' && !field.disabled) {
            field.disabled = true;
            field.dataset.dropped = 'true';
        }
    }
}, true);

// A page restored from the back-forward cache gets its fields back.
window.addEventListener('pageshow', () => {
    document.querySelectorAll('[data-dropped]').forEach(field => {
        field.disabled = false;
        delete field.dataset.dropped;
    });
});

// The menu button of a statically rendered page (data-static-drawer-toggle; an interactive page's button is handled by
// its circuit): shows or hides the navigation drawer as MudBlazor's responsive drawer does, and says so (aria-expanded).
const phone = window.matchMedia('(max-width: 959.98px)');

function drawerShown(drawer) {
    return phone.matches ? !drawer.classList.contains('mud-drawer--initial') && drawer.classList.contains('mud-drawer--open')
        : drawer.classList.contains('mud-drawer--open');
}

function syncToggle() {
    const toggle = document.querySelector('[data-static-drawer-toggle]');
    const drawer = document.querySelector('.mud-drawer');
    if (toggle && drawer) {
        toggle.setAttribute('aria-expanded', drawerShown(drawer) ? 'true' : 'false');
    }
}

document.addEventListener('click', event => {
    const toggle = event.target instanceof Element ? event.target.closest('[data-static-drawer-toggle]') : null;
    const drawer = document.querySelector('.mud-drawer');
    const layout = document.querySelector('.mud-layout');
    if (!toggle || !drawer || !layout) {
        return;
    }
    const show = !drawerShown(drawer);
    drawer.classList.remove('mud-drawer--initial');
    drawer.classList.toggle('mud-drawer--open', show);
    drawer.classList.toggle('mud-drawer--closed', !show);
    layout.classList.toggle('mud-drawer-open-responsive-md-left', show && !phone.matches);
    syncToggle();
});

syncToggle();
phone.addEventListener('change', syncToggle);
document.addEventListener('DOMContentLoaded', syncToggle);

// A print button of a statically rendered page (data-print): the browser's print dialog.
document.addEventListener('click', event => {
    if (event.target instanceof Element && event.target.closest('[data-print]')) {
        window.print();
    }
});

// A form that must be sent once (data-submit-once: a comment, a file, follow): a second submission while the first is
// on its way is dropped, and the buttons show as disabled. The server also makes a repeated one harmless (Idempotency,
// the state posted rather than toggled). The lock ends when the answer replaces the page or its forms.
const sending = new WeakSet();

document.addEventListener('submit', event => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-submit-once')) {
        return;
    }
    if (sending.has(form)) {
        event.preventDefault();
        event.stopImmediatePropagation();
        return;
    }
    sending.add(form);
    // After the form's entries are read: a disabled button would leave its own name and value out of them.
    setTimeout(() => form.querySelectorAll('button[type=submit]').forEach(button => {
        button.disabled = true;
        button.classList.add('mud-disabled');
    }));
}, true);

function unlockForms() {
    document.querySelectorAll('form[data-submit-once]').forEach(form => {
        sending.delete(form);
        form.querySelectorAll('button[type=submit]').forEach(button => {
            button.disabled = false;
            button.classList.remove('mud-disabled');
        });
    });
}

// An enhanced form's answer is merged into the page (the same elements stay): open them again.
if (window.Blazor?.addEventListener) {
    window.Blazor.addEventListener('enhancedload', unlockForms);
} else {
    document.addEventListener('DOMContentLoaded', () => window.Blazor?.addEventListener?.('enhancedload', unlockForms));
}
window.addEventListener('pageshow', unlockForms);

// Character counters of text areas (TextAreaField): "n / max", kept current while typing.
document.addEventListener('input', event => {
    const field = event.target;
    if (!(field instanceof HTMLTextAreaElement) || !field.dataset.counter) {
        return;
    }
    const counter = document.getElementById(field.dataset.counter);
    if (counter) {
        counter.textContent = `${field.value.length} / ${counter.dataset.max}`;
        counter.classList.toggle('field-counter-over', field.value.length > Number(counter.dataset.max));
    }
});
