// onsite's page behaviour: maths, the code editor, countdowns. Everything degrades to
// plain HTML forms when a script fails to load.
(function () {
  "use strict";

  // KaTeX: the server wraps maths in \( \) and \[ \] (see web/markdown.py).
  function renderMaths(root) {
    if (!window.renderMathInElement) return;
    window.renderMathInElement(root, {
      delimiters: [
        { left: "\\[", right: "\\]", display: true },
        { left: "\\(", right: "\\)", display: false },
      ],
      ignoredClasses: ["cm-editor", "answer-text", "no-math"],
      throwOnError: false,
    });
  }

  // CodeMirror replaces each <textarea data-editor>; the textarea stays the form field,
  // kept in sync, so the form (and htmx) submit exactly what the editor shows.
  window.onsiteEditors = window.onsiteEditors || {};
  function mountEditors(root) {
    var CM = window.OnsiteCM;
    if (!CM) return;
    root.querySelectorAll("textarea[data-editor]:not([data-mounted])").forEach(function (area) {
      area.setAttribute("data-mounted", "1");
      var form = area.form;
      var run = function () {
        if (form) form.requestSubmit();
        return true;
      };
      var view = new CM.EditorView({
        parent: area.parentNode,
        state: CM.EditorState.create({
          doc: area.value,
          extensions: [
            CM.Prec.highest(CM.keymap.of([
              { key: "Mod-Enter", run: run },
              { key: "Ctrl-Enter", run: run },
            ])),
            CM.basicSetup,
            CM.keymap.of([CM.indentWithTab]),
            CM.python(),
            CM.EditorView.contentAttributes.of({ "aria-label": area.getAttribute("aria-label") || "Code editor" }),
            CM.EditorView.updateListener.of(function (update) {
              if (update.docChanged) area.value = update.state.doc.toString();
            }),
          ],
        }),
      });
      area.style.display = "none";
      area.parentNode.insertBefore(view.dom, area);
      window.onsiteEditors[area.id] = {
        view: view,
        getValue: function () { return view.state.doc.toString(); },
        setValue: function (text) {
          view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
        },
      };
    });
  }

  // Ctrl/Cmd-Enter also submits a plain textarea (answers, bug lists) with data-submit-key.
  document.addEventListener("keydown", function (event) {
    var el = event.target;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && el.matches &&
        el.matches("textarea[data-submit-key]") && el.form) {
      event.preventDefault();
      el.form.requestSubmit();
    }
  });

  // Countdowns show time left until a deadline the server set (epoch ms), so a reload
  // shows the same clock.
  function tick() {
    document.querySelectorAll("[data-deadline]").forEach(function (el) {
      var left = Math.round((Number(el.getAttribute("data-deadline")) - Date.now()) / 1000);
      var total = Number(el.getAttribute("data-total") || 0);
      if (left <= 0) {
        el.textContent = el.getAttribute("data-over-text") || "time is up";
        el.classList.add("over");
        if (el.hasAttribute("data-reload-at-zero") && !el.hasAttribute("data-reloaded")) {
          el.setAttribute("data-reloaded", "1");
          window.location.reload();
        }
        return;
      }
      var h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
      el.textContent = (h ? h + ":" + String(m).padStart(2, "0") : m) + ":" +
        String(s).padStart(2, "0") + " left";
      el.classList.toggle("low", total > 0 ? left < total * 0.1 : left < 60);
    });
  }

  function setUp(root) {
    renderMaths(root);
    mountEditors(root);
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUp(document.body);
    tick();
    setInterval(tick, 1000);
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    setUp(event.detail.elt || document.body);
    tick();
  });
  // Move focus to swapped-in results that ask for it, so keyboard and screen-reader users
  // land on the verdict or the feedback rather than stay on the button.
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail.elt;
    var focus = target && target.querySelector && target.querySelector("[data-focus]");
    if (focus) focus.focus({ preventScroll: false });
  });
})();
