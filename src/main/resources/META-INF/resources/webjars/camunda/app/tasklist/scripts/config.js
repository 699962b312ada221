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

// Vietnamese unless the user chose English (shared by the four web apps; see the module).
import '../../onestop/prefer-vietnamese.js';

/*
 * Camunda Forms in Tasklist 7.24 (form-js 1.8) write their validation messages in English only,
 * with no setting to change them. This block rewrites them in Vietnamese as they appear.
 */
(function vietnameseFormMessages() {
  var MESSAGES = [
    [/^Field is required\.$/, function() { return 'Trường này là bắt buộc.'; }],
    [/^Field must have minimum length of (.+)\.$/, function(m) { return 'Cần nhập ít nhất ' + m[1] + ' ký tự.'; }],
    [/^Field must have maximum length of (.+)\.$/, function(m) { return 'Chỉ được nhập tối đa ' + m[1] + ' ký tự.'; }],
    [/^Field must have minimum value of (.+)\.$/, function(m) { return 'Giá trị phải từ ' + m[1] + ' trở lên.'; }],
    [/^Field must have maximum value of (.+)\.$/, function(m) { return 'Giá trị không được lớn hơn ' + m[1] + '.'; }],
    [/^Field must match pattern (.+)\.$/, function() { return 'Giá trị không đúng định dạng.'; }],
    [/^Field must be a valid email\.$/, function() { return 'Địa chỉ thư điện tử không hợp lệ.'; }],
    [/^Field must be a valid\s+international phone number\..*$/, function() { return 'Số điện thoại không hợp lệ.'; }]
  ];
  function translate(element) {
    var text = (element.textContent || '').trim();
    for (var i = 0; i < MESSAGES.length; i++) {
      var match = MESSAGES[i][0].exec(text);
      if (match) {
        // change the text node form-js rendered, so its later updates still reach the screen
        var node = element.firstChild;
        if (node && node.nodeType === 3 && !element.firstChild.nextSibling) {
          node.nodeValue = MESSAGES[i][1](match);
        } else {
          element.textContent = MESSAGES[i][1](match);
        }
        return;
      }
    }
  }
  function scan(root) {
    if (root.querySelectorAll) {
      var errors = root.querySelectorAll('.fjs-form-field-error li, .fjs-form-field-error span');
      for (var i = 0; i < errors.length; i++) {
        translate(errors[i]);
      }
    }
  }
  try {
    new MutationObserver(function(mutations) {
      mutations.forEach(function(mutation) {
        var target = mutation.target.nodeType === 3 ? mutation.target.parentNode : mutation.target;
        scan(target && target.parentNode ? target.parentNode : document);
      });
    }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
  } catch (e) {
    // no MutationObserver: messages stay as form-js writes them
  }
})();

/*
 * Soonest due first. Tasklist takes the order of its list from the URL parameter "sorting" (newest created first
 * when there is none) and has no setting for it, so the task list route gets the due-date order when it has no
 * order yet; a clerk who picks another order in the list keeps it (it is then in the URL).
 */
(function soonestDueFirst() {
  var DUE_FIRST = 'sorting=' + encodeURIComponent(JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]));
  function apply() {
    var hash = window.location.hash || '';
    var match = /^#\/?(?:\?(.*))?$/.exec(hash || '#/'); // the task list: "#/" and "#/?filter=…", not "#/login"
    if (!match || /(^|&)sorting=/.test(match[1] || '')) {
      return;
    }
    var query = match[1] ? match[1] + '&' + DUE_FIRST : DUE_FIRST;
    window.location.replace(window.location.pathname + window.location.search + '#/?' + query);
  }
  try {
    window.addEventListener('hashchange', apply);
    apply();
  } catch (e) {
    // the list keeps Tasklist's own order
  }
})();

export default {
  // Vietnamese offered (and made the default by the import above), English as fallback.
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'en'
  },

  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
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
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // no "first visit" box pointing to Camunda's product welcome page (and no probe of /camunda-welcome)
  disableWelcomeMessage: true,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
