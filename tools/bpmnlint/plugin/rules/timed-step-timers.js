'use strict';

const { is, extensions, TIMED_STEP_DUE, TIMED_STEP_WARNING } = require('../util');

/**
 * A timed step (due date ${deadlines.stepDue(execution)}) has its two non-interrupting boundary timers: the
 * warning (${deadlines.stepWarning(execution)}) leading to the slaWarning delegate and the overdue timer (the due
 * date) leading to the slaOverdue delegate.
 */
module.exports = function() {
  function timerDate(event) {
    const timer = (event.eventDefinitions || []).find(d => is(d, 'bpmn:TimerEventDefinition'));
    return timer?.timeDate?.body?.trim();
  }

  function leadsTo(event, delegate) {
    return (event.outgoing || []).some(flow => flow.targetRef
      && flow.targetRef.get && flow.targetRef.get('camunda:delegateExpression') === '${' + delegate + '}');
  }

  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask') || node.get('camunda:dueDate') !== TIMED_STEP_DUE) {
      return;
    }
    const boundaries = (node.$parent?.flowElements || [])
      .filter(e => is(e, 'bpmn:BoundaryEvent') && e.attachedToRef === node);
    const expected = [
      { date: TIMED_STEP_WARNING, delegate: 'slaWarning', name: 'cảnh báo "Sắp đến hạn"' },
      { date: TIMED_STEP_DUE, delegate: 'slaOverdue', name: '"Quá hạn"' }];
    for (const { date, delegate, name } of expected) {
      const timer = boundaries.find(e => timerDate(e) === date);
      if (!timer) {
        reporter.report(node.id, `Bước có thời hạn thiếu sự kiện hẹn giờ ${name} (timeDate ${date})`);
      } else if (timer.cancelActivity !== false) {
        reporter.report(timer.id, `Sự kiện hẹn giờ ${name} không được ngắt công việc (cancelActivity="false")`);
      } else if (!leadsTo(timer, delegate)) {
        reporter.report(timer.id, `Sự kiện hẹn giờ ${name} phải dẫn tới công việc \${${delegate}}`);
      }
    }
  }
  return { check };
};
