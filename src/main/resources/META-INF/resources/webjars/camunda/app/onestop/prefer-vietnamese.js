/*
 * Sở Công Thương – one-stop system: Vietnamese is the default UI language.
 *
 * How Camunda 7.24 picks the language (see $translateProvider.determinePreferredLanguage
 * in camunda-*-bootstrap.js): once, at start-up, it takes the primary subtag of
 * navigator.languages[0] (or navigator.language), uses it if it is listed in
 * locales.availableLocales, and otherwise uses locales.fallbackLocale. The web apps have
 * no language switcher and store no language choice. fallbackLocale ('en') is also the
 * language used for any label missing from vi.json, so it must stay 'en'.
 *
 * Every web app's scripts/config.js imports this module first, before the AngularJS app is
 * configured, so the block below puts the preferred language in front of the browser's language list:
 * 'vi' unless the user chose English. To choose, open any web app once with
 * ?locale=en (or #/?locale=en) – or ?locale=vi to go back; the choice is kept in
 * localStorage under 'camunda-locale' and shared by Tasklist, Cockpit, Admin and Welcome.
 */
(function preferVietnamese() {
  var STORAGE_KEY = 'camunda-locale';
  var SUPPORTED = ['vi', 'en'];
  try {
    var requested = /[?&]locale=([a-z]{2})(?![\w-])/i.exec(
      window.location.search + window.location.hash
    );
    if (requested && SUPPORTED.indexOf(requested[1].toLowerCase()) > -1) {
      window.localStorage.setItem(STORAGE_KEY, requested[1].toLowerCase());
    }
    var chosen = window.localStorage.getItem(STORAGE_KEY);
    var locale = SUPPORTED.indexOf(chosen) > -1 ? chosen : 'vi';
    var browser = Array.prototype.slice.call(window.navigator.languages || []);
    var languages = [locale].concat(browser);
    Object.defineProperty(window.navigator, 'languages', {
      configurable: true,
      get: function() {
        return languages;
      }
    });
    Object.defineProperty(window.navigator, 'language', {
      configurable: true,
      get: function() {
        return locale;
      }
    });
  } catch (e) {
    // localStorage or navigator not writable (private mode, old browser):
    // the app falls back to the browser language, as shipped.
  }
})();
