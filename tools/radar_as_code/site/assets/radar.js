/* radar-as-code: what the radar's pages do with a script, shipped and added by the plugin.
   Progressive: without it every list is complete and every name and mark is a link.
   - a blip's mark and its names (lists, table rows) light each other up on hover and
     focus, and the picture shows the blip's name beside its mark;
   - the filter form (ring, tag, change) shows and hides names and dims marks, and keeps
     its choice in the address (?ring=adopt&tag=llm);
   - tables of blips sort by a column; numbers sort as numbers. */
(function () {
  "use strict";

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function same(root, id) {
    return all("[data-blip]", root).filter(function (node) {
      return node.getAttribute("data-blip") === id;
    });
  }

  /* --- a mark and its names, both ways -------------------------------------------- */

  function tipFor(figure) {
    var tip = figure.querySelector(".radar-tip");
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "radar-tip";
      tip.setAttribute("aria-hidden", "true");  /* the marks have accessible names */
      tip.hidden = true;
      figure.appendChild(tip);
    }
    return tip;
  }

  function show(mark) {
    var figure = mark.closest(".radar-figure");
    if (!figure) return;
    var tip = tipFor(figure);
    tip.textContent = mark.getAttribute("aria-label") || "";
    tip.hidden = false;
    var box = figure.getBoundingClientRect();
    var dot = (mark.querySelector(".radar-dot") || mark).getBoundingClientRect();
    var left = dot.left + dot.width / 2 - box.left - tip.offsetWidth / 2;
    left = Math.max(0, Math.min(left, box.width - tip.offsetWidth));
    var top = dot.top - box.top - tip.offsetHeight - 6;
    if (top < 0) top = dot.bottom - box.top + 6;
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }

  function linking(root) {
    var lit = null;

    function off() {
      if (lit === null) return;
      same(root, lit).forEach(function (node) { node.classList.remove("is-lit"); });
      all(".radar-tip", root).forEach(function (tip) { tip.hidden = true; });
      all(".radar-view", root).forEach(function (view) { view.classList.remove("is-linking"); });
      lit = null;
    }

    function on(event) {
      var node = event.target.closest && event.target.closest("[data-blip]");
      if (!node || !root.contains(node)) return;
      var id = node.getAttribute("data-blip");
      if (id === lit) return;
      off();
      lit = id;
      var marks = [];
      same(root, id).forEach(function (other) {
        other.classList.add("is-lit");
        if (other.classList.contains("radar-blip")) marks.push(other);
      });
      all(".radar-view", root).forEach(function (view) { view.classList.add("is-linking"); });
      marks.forEach(show);
    }

    function leave(event) {
      var next = event.relatedTarget;
      var node = next && next.closest ? next.closest("[data-blip]") : null;
      if (!node || node.getAttribute("data-blip") !== lit) off();
    }

    root.addEventListener("pointerover", on);
    root.addEventListener("focusin", on);
    root.addEventListener("pointerout", leave);
    root.addEventListener("focusout", leave);
  }

  /* --- filters ------------------------------------------------------------------------ */

  function filtering(root, form) {
    var selects = all("select[data-filter]", form);
    var items = all("li[data-blip], tr[data-blip]", root);
    var marks = all("a.radar-blip[data-blip]", root);
    var output = form.querySelector(".radar-count");
    var total = {};
    items.forEach(function (item) { total[item.getAttribute("data-blip")] = true; });
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted && all("option", select).some(function (o) { return o.value === wanted; })) {
        select.value = wanted;
      }
    });

    function apply() {
      var chosen = {};
      selects.forEach(function (select) { chosen[select.name] = select.value; });
      var shown = {};
      items.forEach(function (item) {
        var tags = (item.getAttribute("data-tags") || "").split(" ");
        var fits = (!chosen.ring || item.getAttribute("data-ring") === chosen.ring) &&
          (!chosen.tag || tags.indexOf(chosen.tag) >= 0) &&
          (!chosen.change || item.getAttribute("data-change") === chosen.change);
        item.hidden = !fits;
        if (fits) shown[item.getAttribute("data-blip")] = true;
      });
      var active = selects.some(function (select) { return select.value; });
      marks.forEach(function (mark) {
        var out = active && !shown[mark.getAttribute("data-blip")];
        mark.classList.toggle("is-out", out);
        if (out) mark.setAttribute("tabindex", "-1"); else mark.removeAttribute("tabindex");
      });
      all(".radar-names-ring, .radar-ring-section", root).forEach(function (group) {
        group.hidden = !group.querySelector("[data-blip]:not([hidden])");
      });
      all(".radar-view", root).forEach(function (view) {
        view.classList.toggle("is-filtered", active);
      });
      var count = Object.keys(shown).length;
      output.textContent = count + " / " + Object.keys(total).length + " " +
        (form.getAttribute("data-shown") || "");
      var query = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        if (select.value) query.set(select.name, select.value); else query.delete(select.name);
      });
      var search = query.toString();
      window.history.replaceState(null, "", window.location.pathname +
        (search ? "?" + search : "") + window.location.hash);
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  /* --- sortable tables ---------------------------------------------------------------- */

  function sorting(table) {
    var heads = all("thead th", table);
    heads.forEach(function (head, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "radar-sort";
      while (head.firstChild) button.appendChild(head.firstChild);
      head.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = head.getAttribute("aria-sort") !== "ascending";
        var number = head.getAttribute("data-type") === "number";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        function key(row) {
          var cell = row.cells[column];
          if (!cell) return number ? 0 : "";
          return number ? parseFloat(cell.getAttribute("data-sort") || cell.textContent)
            : cell.textContent.trim().toLowerCase();
        }
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var order = number ? x - y : String(x).localeCompare(String(y));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
        head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      });
    });
  }

  function start() {
    var root = document.querySelector("article") || document.body;
    if (root.querySelector("[data-blip]")) linking(root);
    var form = root.querySelector("form.radar-filters");
    if (form) filtering(root, form);
    all("table[data-sortable]", root).forEach(sorting);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
