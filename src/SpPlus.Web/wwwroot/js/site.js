// SpPlus: small progressive enhancements. Loaded on every page with <script src>; no inline script is allowed.
(function () {
    'use strict';

    // A table wider than the screen scrolls inside its DSFR container: make that container
    // reachable with the keyboard (tabindex="0") while, and only while, it actually scrolls.
    function makeScrollableTablesFocusable() {
        var containers = document.querySelectorAll('.fr-table__container');
        for (var i = 0; i < containers.length; i++) {
            var container = containers[i];
            if (container.scrollWidth > container.clientWidth || container.scrollHeight > container.clientHeight) {
                container.setAttribute('tabindex', '0');
            } else if (container.getAttribute('tabindex') === '0') {
                container.removeAttribute('tabindex');
            }
        }
    }

    document.addEventListener('DOMContentLoaded', function () {
        makeScrollableTablesFocusable();

        // Move the focus to the error summary of a form returned with errors, so that keyboard and
        // screen reader users land on the list of what to correct.
        var summary = document.getElementById('resume-erreurs');
        if (summary) {
            summary.focus();
        }
    });

    var resizeTimer;
    window.addEventListener('resize', function () {
        window.clearTimeout(resizeTimer);
        resizeTimer = window.setTimeout(makeScrollableTablesFocusable, 150);
    });
})();
