// bimtek room mode: saves each tap at once, without reloading the page.
// The form works without this script too (the "Simpan" button posts it).
(function () {
  "use strict";
  document.documentElement.className += " js";
  var form = document.getElementById("items");
  var progress = document.getElementById("progress");
  // The page carries its sentences in its own language (from the catalogue).
  var main = document.querySelector("main");
  var words = {
    saving: main.getAttribute("data-saving") || "…",
    offline: main.getAttribute("data-offline") || "!",
    confirm: main.getAttribute("data-confirm") || "?"
  };

  function post(fields, item, onOK, onFail) {
    var state = item.querySelector(".state");
    state.className = "state";
    state.textContent = words.saving;
    var body = new URLSearchParams();
    body.set("d", form.elements["d"].value);
    Object.keys(fields).forEach(function (k) { body.set(k, fields[k]); });
    fetch("/save", { method: "POST", body: body, credentials: "same-origin", headers: { "X-Bimtek": "1" } })
      .then(function (r) { return r.json().catch(function () { return { ok: false, message: words.offline }; }); })
      .then(function (rep) {
        state.className = rep.ok ? "state ok" : "state bad";
        state.textContent = rep.ok ? "✓ " + rep.message : rep.message;
        if (rep.ok) {
          if (progress) { progress.textContent = rep.answered + " / " + rep.total; }
          var tab = document.querySelector(".dim.current span");
          if (tab) { tab.textContent = rep.done + "/" + rep.dim_total; }
          if (onOK) { onOK(); }
        } else if (onFail) { onFail(); }
      })
      .catch(function () {
        state.className = "state bad";
        state.textContent = words.offline;
        if (onFail) { onFail(); }
      });
  }

  if (form) {
    form.querySelectorAll(".item").forEach(function (item) {
      var key = item.getAttribute("data-key");
      var was = form.elements["was:" + key];
      item.querySelectorAll("input[type=radio]").forEach(function (radio) {
        radio.addEventListener("change", function () {
          var before = was.value;
          var fields = {};
          fields[key] = radio.value;
          post(fields, item, function () { was.value = radio.value; }, function () {
            item.querySelectorAll("input[type=radio]").forEach(function (r) { r.checked = r.value === before; });
          });
        });
      });
      var note = item.querySelector("textarea");
      var wasNote = form.elements["was:note:" + key];
      if (note) {
        note.addEventListener("change", function () {
          var fields = {};
          fields["note:" + key] = note.value;
          var text = note.value;
          post(fields, item, function () { wasNote.value = text; });
        });
      }
    });
  }

  var send = document.querySelector("form.send");
  if (send) {
    send.addEventListener("submit", function (e) {
      if (!window.confirm(words.confirm)) { e.preventDefault(); }
    });
  }

  // Check in with the laptop so the facilitator sees this phone as connected.
  if (form) {
    setInterval(function () { fetch("/ping", { credentials: "same-origin" }).catch(function () {}); }, 15000);
  }
})();
