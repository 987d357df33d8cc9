// Progressive enhancement only: every control works without this file.
(function () {
  "use strict";
  // A filter box above long facet lists: type to narrow the visible values.
  document.querySelectorAll(".facet[data-facet]").forEach(function (facet) {
    var items = facet.querySelectorAll(".fvalues li");
    if (items.length < 8) return;
    var title = facet.querySelector("h3");
    var box = document.createElement("input");
    box.type = "search";
    box.className = "ffilter";
    box.placeholder = "Filter " + (title ? title.firstChild.textContent.trim().toLowerCase() : "values") + "…";
    box.setAttribute("aria-label", box.placeholder);
    box.addEventListener("input", function () {
      var needle = box.value.trim().toLowerCase();
      items.forEach(function (li) {
        li.hidden = needle !== "" && li.textContent.toLowerCase().indexOf(needle) === -1;
      });
    });
    facet.insertBefore(box, facet.querySelector(".fvalues"));
  });
})();
(function () {
  "use strict";
  // Keep shared URLs short: leave empty fields (an unset date) out of the query string.
  document.querySelectorAll("form[method=get]").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input[name]").forEach(function (input) {
        if (input.value === "") input.disabled = true;
      });
      setTimeout(function () {
        form.querySelectorAll("input[name]").forEach(function (input) { input.disabled = false; });
      }, 0);
    });
  });
})();
(function () {
  "use strict";
  // Bar widths come as data-share (percent): the Content-Security-Policy allows no inline style.
  document.querySelectorAll("[data-share]").forEach(function (bar) {
    var share = parseFloat(bar.getAttribute("data-share"));
    if (share >= 0 && share <= 100) bar.style.width = share + "%";
  });
})();
(function () {
  "use strict";
  // Phones: the filters drawer starts closed, so the results come first on the screen.
  document.documentElement.classList.add("js");
  if (window.matchMedia && window.matchMedia("(max-width: 760px)").matches) {
    document.querySelectorAll("details.drawer[open]").forEach(function (drawer) {
      drawer.open = false;
    });
  }
})();
