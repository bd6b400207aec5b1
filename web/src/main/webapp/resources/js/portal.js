/*
 * What every portal page does in script of its own, bound here because the Content-Security-Policy
 * allows no inline script or handler (docs/operations.md, Security): a "Copy" button (class
 * copy-secret) copies the secret shown beside it (the code.secret in the same parent).
 */
(function () {
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('.copy-secret');
    var secret = button && button.parentElement.querySelector('code.secret');
    if (secret && navigator.clipboard) {
      navigator.clipboard.writeText(secret.textContent.trim()).catch(function () {
        // no clipboard for this page (an unfocused or headless browser): the secret stays shown
      });
    }
  });
})();
