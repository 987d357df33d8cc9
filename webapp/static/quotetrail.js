// Progressive enhancement only: every control works without this file.
(function () {
  "use strict";
  // A filter box above facet lists. Speakers and outlets are looked up on the server
  // (data-filter-url: every name is reachable, not only those on screen, each with its
  // number of results in this search); other facets narrow the values shown.
  document.querySelectorAll(".facet[data-facet]").forEach(function (facet) {
    var name = facet.getAttribute("data-facet");
    var lookup = facet.getAttribute("data-filter-url");
    var list = facet.querySelector(".fvalues");
    var items = facet.querySelectorAll(".fvalues li");
    if (!lookup && items.length < 8) return;
    var title = facet.querySelector("h3");
    var box = document.createElement("input");
    box.type = "search";
    box.className = "ffilter";
    box.placeholder = "Filter " + (title ? title.firstChild.textContent.trim().toLowerCase() : "values") + "…";
    box.setAttribute("aria-label", box.placeholder);
    facet.insertBefore(box, list);
    function narrow(needle) {
      var shown = [];
      items.forEach(function (li) {
        li.hidden = needle !== "" && li.textContent.toLowerCase().indexOf(needle) === -1;
        if (!li.hidden) shown.push(li.querySelector(".fl").textContent.replace("✓", "").trim());
      });
      return shown;
    }
    if (!lookup) {
      box.addEventListener("input", function () { narrow(box.value.trim().toLowerCase()); });
      return;
    }
    var found = document.createElement("ul");
    found.className = "fvalues ffound";
    found.hidden = true;
    found.setAttribute("aria-live", "polite");
    list.parentNode.insertBefore(found, list.nextSibling);
    var timer = null;
    var asked = 0;
    function withFilter(id) {
      var url = new URL(window.location.href);
      url.searchParams.delete("page");
      url.searchParams.append(name, id);
      return url.pathname + url.search;
    }
    // Server matches besides the values on screen, counted in this search like them.
    function show(entries, onScreen, number) {
      if (number !== asked) return;  // an older answer arriving late
      found.textContent = "";
      entries.forEach(function (entry) {
        if (onScreen.indexOf(entry.label) !== -1) return;
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = withFilter(entry.value);
        var label = document.createElement("span");
        label.className = "fl";
        label.textContent = entry.label;
        var count = document.createElement("span");
        count.className = "fc";
        count.title = "results in this search";
        count.textContent = entry.count.toLocaleString("en");
        a.appendChild(label);
        a.appendChild(document.createTextNode(" "));
        a.appendChild(count);
        li.appendChild(a);
        found.appendChild(li);
      });
      if (!found.children.length && !onScreen.length) {
        var none = document.createElement("li");
        none.className = "muted";
        none.textContent = "No match in this search.";
        found.appendChild(none);
      }
      found.hidden = false;
    }
    box.addEventListener("input", function () {
      var needle = box.value.trim();
      var onScreen = narrow(needle.toLowerCase());
      clearTimeout(timer);
      found.hidden = true;
      if (needle === "") return;
      timer = setTimeout(function () {
        var number = ++asked;
        var url = lookup + (/[?&]$/.test(lookup) ? "" : "&") + "match=" + encodeURIComponent(needle);
        fetch(url, { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : {}; })
          .then(function (body) { show(body.values || [], onScreen, number); })
          .catch(function () { show([], onScreen, number); });
      }, 150);
    });
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
