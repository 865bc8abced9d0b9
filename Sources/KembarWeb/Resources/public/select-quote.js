// Fills the coding form from a selection in the document's text: the quote, and where it starts
// (in characters, as the server counts them) so that a passage occurring twice is coded where it
// was selected. Without this script the quote is pasted by hand and the server finds it.
(function () {
  "use strict";
  var text = document.getElementById("document-text");
  var quote = document.getElementById("field-quote");
  var near = document.getElementById("field-near");
  if (!text || !quote || !near) return;

  function characters(value) {
    return Array.from(value).length;
  }

  function fill() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    var range = selection.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return;
    var before = document.createRange();
    before.setStart(text, 0);
    before.setEnd(range.startContainer, range.startOffset);
    quote.value = range.toString();
    near.value = String(characters(before.toString()));
  }

  text.addEventListener("mouseup", fill);
  text.addEventListener("keyup", fill);
  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    if (selection && !selection.isCollapsed && text.contains(selection.anchorNode)) fill();
  });
  // A quote typed or pasted by hand is located by the server alone.
  quote.addEventListener("input", function () {
    near.value = "";
  });
})();
