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
