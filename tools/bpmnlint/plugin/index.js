'use strict';

/** Our conventions for processes/: the ones the application checks at start or the tests check. */
module.exports = {
  configs: {
    recommended: {
      rules: {
        'user-task-candidate-group': 'error',
        'user-task-form': 'error',
        'user-task-due-date': 'error',
        'timed-step-timers': 'error',
        'handoff-known-division': 'error',
        'call-activity-inputs': 'error'
      }
    }
  }
};
