// SpPlus: "Copier la réponse". A button with data-copy-target (the id of a textarea) copies that text to the
// clipboard and says so in the polite live region named by data-copy-status. The buttons are hidden until this file
// runs: without JavaScript, the text sits in a read-only textarea that can be selected and copied by hand.
(function () {
    'use strict';

    function announce(status, message) {
        if (!status) {
            return;
        }

        // Empty first, so that the same message is announced again on a second copy.
        status.textContent = '';
        window.setTimeout(function () {
            status.textContent = message;
        }, 100);
    }

    function selectText(target) {
        target.focus();
        target.select();
    }

    function copy(button) {
        var target = document.getElementById(button.getAttribute('data-copy-target'));
        var status = document.getElementById(button.getAttribute('data-copy-status'));
        if (!target) {
            return;
        }

        var fallback = function () {
            selectText(target);
            announce(status, 'La copie automatique n\u2019a pas fonctionné : le texte est sélectionné, copiez-le avec Ctrl+C.');
        };

        if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(target.value).then(function () {
                announce(status, 'Réponse copiée');
            }, fallback);
        } else {
            fallback();
        }
    }

    function init() {
        var buttons = document.querySelectorAll('[data-copy-target]');
        for (var i = 0; i < buttons.length; i++) {
            var button = buttons[i];
            if (button.getAttribute('data-copy-ready') === 'true') {
                continue;
            }

            button.setAttribute('data-copy-ready', 'true');
            button.hidden = false;
            button.addEventListener('click', function (event) {
                copy(event.currentTarget);
            });
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})();
