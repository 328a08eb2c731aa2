// crosscheck's editor page: filters, j/k between cards, #id links. It reads
// the page's own attributes and text only, and never writes markup.
(function () {
  "use strict";
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card"));
  var form = document.getElementById("filters");
  var shown = document.getElementById("shown");
  var text = document.getElementById("f-text");
  var measure = document.getElementById("f-measure");
  if (!form) { return; }
  form.hidden = false;
  document.getElementById("keys").hidden = false;

  function checked(name) {
    var on = {};
    var boxes = form.querySelectorAll("input[name=" + name + "]");
    for (var i = 0; i < boxes.length; i++) { on[boxes[i].value] = boxes[i].checked; }
    return on;
  }

  function apply() {
    var sev = checked("severity");
    var st = checked("status");
    var m = measure.value;
    var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var n = 0;
    cards.forEach(function (c) {
      var hay = c.textContent.toLowerCase();
      var ok = sev[c.dataset.severity] !== false && st[c.dataset.status] !== false &&
        (m === "" || c.dataset.measure === m) &&
        words.every(function (w) { return hay.indexOf(w) >= 0; });
      c.hidden = !ok;
      if (ok) { n++; }
    });
    shown.textContent = n + " of " + cards.length + " findings shown";
  }

  function reset() {
    var boxes = form.querySelectorAll("input[type=checkbox]");
    for (var i = 0; i < boxes.length; i++) { boxes[i].checked = true; }
    measure.value = "";
    text.value = "";
    apply();
  }

  // a link to a card the filters hide shows every card again
  function follow() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.classList.contains("card")) {
      if (target.hidden) { reset(); }
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "start" });
    }
  }

  function move(step) {
    var visible = cards.filter(function (c) { return !c.hidden; });
    if (visible.length === 0) { return; }
    var at = document.activeElement && document.activeElement.closest ?
      document.activeElement.closest(".card") : null;
    var i = visible.indexOf(at);
    var next = i < 0 ? (step > 0 ? 0 : visible.length - 1) :
      Math.max(0, Math.min(visible.length - 1, i + step));
    var card = visible[next];
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "start" });
    history.replaceState(null, "", "#" + card.id);
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  document.getElementById("f-reset").addEventListener("click", reset);
  window.addEventListener("hashchange", follow);
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    var t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA")) {
      if (e.key === "Escape") { t.blur(); }
      return;
    }
    if (e.key === "j") { move(1); e.preventDefault(); }
    else if (e.key === "k") { move(-1); e.preventDefault(); }
    else if (e.key === "/") { text.focus(); e.preventDefault(); }
  });
  apply();
  follow();
}());
