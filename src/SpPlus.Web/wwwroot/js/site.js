// SpPlus: small progressive enhancements. Loaded on every page with <script src>; no inline script is allowed.
(function () {
    'use strict';

    // Move the focus to the error summary of a form returned with errors, so that keyboard and
    // screen reader users land on the list of what to correct.
    document.addEventListener('DOMContentLoaded', function () {
        var summary = document.getElementById('resume-erreurs');
        if (summary) {
            summary.focus();
        }
    });
})();
