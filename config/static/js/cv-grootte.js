// Progressive enhancement: a CV over the limit is refused before it is sent (the server stops reading
// an upload at 5 MB, which some browsers show as a broken connection). Without JavaScript the server's
// own message applies.
(function () {
  "use strict";
  document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
    var max = Number(input.dataset.maxBytes);
    var message = document.createElement("p");
    message.className = "utrecht-form-field-error-message";
    message.id = input.id + "-grootte";
    message.style.display = "none"; // the error class sets display, so the hidden attribute is not enough
    message.textContent = input.dataset.maxMessage;
    input.parentNode.insertBefore(message, input);
    function tooLarge() {
      return input.files.length > 0 && input.files[0].size > max;
    }
    function show() {
      message.style.display = tooLarge() ? "" : "none";
      if (tooLarge()) {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", message.id);
      } else if (input.getAttribute("aria-describedby") === message.id) {
        input.removeAttribute("aria-invalid");
        input.removeAttribute("aria-describedby");
      }
    }
    input.addEventListener("change", show);
    input.form.addEventListener("submit", function (event) {
      if (tooLarge()) {
        event.preventDefault();
        show();
        input.focus();
      }
    });
  });
})();
