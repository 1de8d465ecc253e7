/* radar-as-code: Mermaid as the radar's pages use it, loaded right after Mermaid and
   before the theme, which configures and runs it. Diagrams come from pull requests:
   whatever the theme or a diagram asks, labels are SVG text, never HTML (Mermaid's strict
   level still lets <img src=...> through an HTML label: a request elsewhere), and the
   strict security level holds (no click callbacks, no javascript: links). */
(function () {
  "use strict";
  var mermaid = window.mermaid;
  if (!mermaid || typeof mermaid.initialize !== "function") return;
  var initialize = mermaid.initialize.bind(mermaid);
  var plain = {htmlLabels: false};
  function strict(config) {
    var out = Object.assign({}, config || {}, {securityLevel: "strict", htmlLabels: false});
    ["flowchart", "class", "state", "er", "mindmap"].forEach(function (kind) {
      out[kind] = Object.assign({}, (config || {})[kind], plain);
    });
    out.secure = ["secure", "securityLevel", "startOnLoad", "maxTextSize", "htmlLabels",
      "flowchart", "class", "state", "er", "mindmap"];
    return out;
  }
  mermaid.initialize = function (config) { return initialize(strict(config)); };
  initialize(strict({startOnLoad: false}));
})();
