// Progressive enhancement: while typing in a search box with data-suggesties, offer titles from
// /zoeken/suggesties in the box's <datalist>. Without JavaScript the box is a plain GET form.
(function () {
  "use strict";
  document.querySelectorAll("input[data-suggesties]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    var controller = null;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var q = input.value.trim();
        if (q.length < 3 || !list) { return; }
        if (controller) { controller.abort(); }
        controller = new AbortController();
        fetch(input.dataset.suggesties + "?q=" + encodeURIComponent(q), { signal: controller.signal })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) {
            list.replaceChildren.apply(list, data.suggestions.map(function (s) {
              var option = document.createElement("option");
              option.value = s.title;
              option.label = s.type;
              return option;
            }));
          })
          .catch(function () { /* offline or aborted: the box still works as a form */ });
      }, 150);
    });
  });
})();
