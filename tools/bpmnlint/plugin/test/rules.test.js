'use strict';

// Each rule of ours with a model it refuses and one it accepts. The divisions are the catalog's
// (catalog.json, generated from processes/procedures.yaml before the tests).
const test = require('node:test');
const assert = require('node:assert');
const { model, lint, timedStep } = require('./helper');

const task = attrs => model(`<bpmn:userTask id="t" ${attrs}/>`);
const complete = 'camunda:formRef="f" camunda:formRefBinding="deployment" camunda:dueDate="${dueAt}"';

test('user-task-candidate-group: a known division, its leaders or the procedure\'s division', async () => {
  assert.match((await lint('user-task-candidate-group', task(complete))).join(), /candidateGroups/);
  assert.match((await lint('user-task-candidate-group', task('camunda:candidateGroups="phong-khong-co"'))).join(),
    /"phong-khong-co" không phải đơn vị/);
  assert.deepStrictEqual(await lint('user-task-candidate-group', task('camunda:candidateGroups="trade-management"')), []);
  assert.deepStrictEqual(await lint('user-task-candidate-group', task('camunda:candidateGroups="${responsibleDivision}-lead"')), []);
});

test('user-task-form: a Camunda Form bound to the deployment', async () => {
  assert.match((await lint('user-task-form', task(''))).join(), /formRef/);
  assert.match((await lint('user-task-form', task('camunda:formRef="f" camunda:formRefBinding="latest"'))).join(),
    /formRefBinding="deployment"/);
  assert.deepStrictEqual(await lint('user-task-form', task('camunda:formRef="f" camunda:formRefBinding="deployment"')), []);
});

test('user-task-due-date: every user task has a due date', async () => {
  assert.match((await lint('user-task-due-date', task('camunda:formRef="f"'))).join(), /hạn xử lý/);
  assert.deepStrictEqual(await lint('user-task-due-date', task('camunda:dueDate="${dueAt}"')), []);
});

test('timed-step-timers: warning and overdue timers, non-interrupting, leading to the SLA delegates', async () => {
  assert.deepStrictEqual(await lint('timed-step-timers', timedStep()), []);
  assert.match((await lint('timed-step-timers', timedStep(s => s.replace('stepWarning', 'stepDue')))).join(),
    /thiếu sự kiện hẹn giờ cảnh báo/);
  assert.match((await lint('timed-step-timers', timedStep(s => s.replace(
    'id="overdue" cancelActivity="false"', 'id="overdue"')))).join(), /overdue: .*cancelActivity="false"/);
  assert.match((await lint('timed-step-timers', timedStep(s => s.replace('${slaOverdue}', '${slaWarning}')))).join(),
    /overdue: .*\$\{slaOverdue\}/);
});

test('handoff-known-division: the field "to" names a division of the catalog', async () => {
  const handoff = to => model(`<bpmn:serviceTask id="h" camunda:delegateExpression="\${handOffDossier}">
    <bpmn:extensionElements>${to}</bpmn:extensionElements></bpmn:serviceTask>`);
  assert.match((await lint('handoff-known-division', handoff(''))).join(), /đơn vị nhận/);
  assert.match((await lint('handoff-known-division',
    handoff('<camunda:field name="to"><camunda:string>phong-ke-toan</camunda:string></camunda:field>'))).join(),
  /"phong-ke-toan" không có/);
  assert.deepStrictEqual(await lint('handoff-known-division',
    handoff('<camunda:field name="to"><camunda:string>board</camunda:string></camunda:field>')), []);
  assert.deepStrictEqual(await lint('handoff-known-division',
    handoff('<camunda:field name="to" stringValue="office"/>')), []);
  assert.deepStrictEqual(await lint('handoff-known-division',
    handoff('<camunda:field name="to"><camunda:expression>${responsibleDivision}</camunda:expression></camunda:field>')), []);
});

test('call-activity-inputs: every variable the called model reads is passed in', async () => {
  const inputs = require('../catalog').inputs.resultReturn;
  assert.ok(inputs.includes('dueAt'), 'result-return declares its inputs');
  const call = names => model(`<bpmn:callActivity id="c" calledElement="resultReturn"><bpmn:extensionElements>
    ${names.map(n => `<camunda:in source="${n}" target="${n}"/>`).join('')}</bpmn:extensionElements></bpmn:callActivity>`);
  assert.match((await lint('call-activity-inputs', call(inputs.filter(n => n !== 'dueAt')))).join(), /dueAt/);
  assert.deepStrictEqual(await lint('call-activity-inputs', call(inputs)), []);
  assert.deepStrictEqual(await lint('call-activity-inputs', model(`<bpmn:callActivity id="c" calledElement="resultReturn">
    <bpmn:extensionElements><camunda:in variables="all"/></bpmn:extensionElements></bpmn:callActivity>`)), []);
});
