/*
 * Turns each select marked data-stp-autocomplete into accessible-autocomplete (progressive
 * enhancement: without JavaScript, or before this runs, it is a plain select that works). The
 * component's words come from the select's data-text-* attributes, in the page's language.
 */
(function () {
  'use strict';
  if (!window.accessibleAutocomplete) {
    return;
  }
  function text(select, name) {
    return select.getAttribute('data-text-' + name);
  }
  var selects = document.querySelectorAll('select[data-stp-autocomplete]');
  Array.prototype.forEach.call(selects, function (select) {
    window.accessibleAutocomplete.enhanceSelectElement({
      selectElement: select,
      defaultValue: '',
      showAllValues: true,
      // No type-ahead hint: its unlabelled read-only input is noise to screen readers (and to axe);
      // the status region already says what is highlighted.
      autoselect: false,
      tNoResults: function () { return text(select, 'no-results'); },
      tStatusQueryTooShort: function (length) { return text(select, 'query-too-short').replace('%n', String(length)); },
      tStatusNoResults: function () { return text(select, 'no-results-status'); },
      tStatusSelectedOption: function (option, length, index) {
        return text(select, 'selected-option').replace('%o', option).replace('%i', String(index + 1))
          .replace('%l', String(length));
      },
      tStatusResults: function (length, selected) {
        return text(select, length === 1 ? 'result' : 'results').replace('%l', String(length)).replace('%o', selected);
      },
      tAssistiveHint: function () { return text(select, 'assistive-hint'); }
    });
  });
}());
