// Progressive enhancement of the filters (templates/search/faceted.html, components/facets.html).
// Without JavaScript everything works: the "Filters" disclosure opens with a click, "Toon alle" shows
// every value of a long facet.
// 1. On wide screens the filters are open from the start (on phones the results come first).
// 2. A long facet gets a box to type in: values that do not match are hidden, "Toon alle" opens.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 48em)");
  document.querySelectorAll("details[data-filterpaneel]").forEach(function (panel) {
    if (wide.matches) { panel.open = true; }
  });

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  document.querySelectorAll("fieldset[data-filterbaar]").forEach(function (fieldset, index) {
    var label = fieldset.getAttribute("data-filterbaar");
    var more = fieldset.querySelector("details");
    var options = Array.prototype.slice.call(fieldset.querySelectorAll(".filtergroep__optie"));
    var field = document.createElement("div");
    field.className = "utrecht-form-field utrecht-form-field--distanced filtergroep__zoek";
    var id = "filter-zoek-" + index;
    var fieldLabel = document.createElement("label");
    fieldLabel.className = "utrecht-form-label";
    fieldLabel.htmlFor = id;
    fieldLabel.textContent = "Zoek in " + label.toLowerCase();
    var input = document.createElement("input");
    input.className = "utrecht-textbox utrecht-textbox--html-input";
    input.type = "search";
    input.id = id;
    input.autocomplete = "off";
    var status = document.createElement("p");
    status.className = "utrecht-paragraph visueel-verborgen";
    status.setAttribute("role", "status");
    field.append(fieldLabel, input, status);
    fieldset.querySelector("legend").after(field);

    // Enter in this box filters; it does not submit the whole form.
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); }
    });
    var openedHere = false; // "Toon alle" opened by typing closes again when the box is emptied
    input.addEventListener("input", function () {
      var wanted = fold(input.value.trim());
      var shown = 0;
      options.forEach(function (option) {
        var match = !wanted || fold(option.textContent).indexOf(wanted) !== -1;
        option.hidden = !match;
        if (match) { shown += 1; }
      });
      if (more && wanted && !more.open) { more.open = true; openedHere = true; }
      if (more && !wanted && openedHere) { more.open = false; openedHere = false; }
      status.textContent = wanted ? shown + (shown === 1 ? " waarde" : " waarden") + " gevonden" : "";
    });
  });
})();
