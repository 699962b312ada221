/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
 * This module is imported (scripts/config.js) before the AngularJS app is configured, so
 * the block below puts the preferred language in front of the browser's language list:
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

export default {
  // Vietnamese offered (and made the default by the block above), English as fallback.
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'en'
  },

  // Our plugins (ES modules, relative to app/cockpit/, ".js" optional): the managers' dashboard on the start
  // page and the "Phiếu kiểm soát" tab of each process instance.
  customScripts: ['scripts/onestop-dashboard.js'],

  // // change the app name and vendor
  // app: {
  //   name: 'Operations',
  //   vendor: 'Company'
  // },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'cockpit' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `cockpit` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // historicActivityInstanceMetrics: {
  //   adjustablePeriod: true,
  //   //select from the default time period: day, week, month, complete
  //   period: {
  //     unit: 'week'
  //   }
  // },
  // runtimeActivityInstanceMetrics: {
  //   display: true
  // },
  // skipCustomListeners: {
  //   default: true,
  //   hidden: false
  // },
  // skipIoMappings: {
  //   default: true,
  //   hidden: false
  // },
  // cascade: {
  //   default: false
  // },
  // 'batchOperation' : {
  //   // select mode of query for process instances or decision instances
  //   // possible values: filter, search
  //   'mode': 'filter',
  //
  //   // select if Historic Batches should be loaded automatically when navigating to #/batch
  //   'autoLoadEnded': true
  // },
  // bpmnJs: {
  //   moddleExtensions: {
  //     // if you have a folder called 'my-custom-moddle' (in the 'cockpit' folder)
  //     // with a file called 'camunda.json' in it defining the 'camunda' moddle extension
  //     camunda: 'my-custom-moddle/camunda'
  //   },
  //   additionalModules: [
  //     // if you have a folder called 'my-custom-module' (in the 'cockpit' folder)
  //     // with a file called 'module.js' in it
  //     'my-custom-module/module'
  //   ],
  // },
  // defaultFilter: {
  //   historicProcessDefinitionInstancesSearch: {
  //     lastDays: 5,
  //     event: 'started'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // no "first visit" box pointing to Camunda's product welcome page (and no probe of /camunda-welcome)
  disableWelcomeMessage: true,
  // userOperationLogAnnotationLength: 5000,
  // previewHtml: true
};
