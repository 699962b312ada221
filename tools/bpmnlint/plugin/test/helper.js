'use strict';

const { BpmnModdle } = require('bpmn-moddle');
const camunda = require('camunda-bpmn-moddle/resources/camunda.json');
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

/** A model with one executable process holding the given flow elements. */
function model(body) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://test">
  <bpmn:process id="p" isExecutable="true" camunda:historyTimeToLive="1">${body}</bpmn:process>
</bpmn:definitions>`;
}

/** The reports of one rule of ours (plugin "onestop") for the model. */
async function lint(rule, xml) {
  const { rootElement } = await new BpmnModdle({ camunda }).fromXML(xml);
  const linter = new Linter({ config: { rules: { ['onestop/' + rule]: 'error' } }, resolver: new NodeResolver() });
  const results = await linter.lint(rootElement);
  return (results['onestop/' + rule] || []).map(r => `${r.id}: ${r.message}`);
}

/** A timed step with its two timers and their SLA service tasks; `change` edits the XML for a failing case. */
function timedStep(change = s => s) {
  return model(change(`
    <bpmn:userTask id="appraise" camunda:candidateGroups="trade-management" camunda:formRef="f"
        camunda:formRefBinding="deployment" camunda:dueDate="\${deadlines.stepDue(execution)}"/>
    <bpmn:boundaryEvent id="warning" cancelActivity="false" attachedToRef="appraise">
      <bpmn:outgoing>toWarn</bpmn:outgoing>
      <bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">\${deadlines.stepWarning(execution)}</bpmn:timeDate></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="toWarn" sourceRef="warning" targetRef="warn"/>
    <bpmn:serviceTask id="warn" camunda:delegateExpression="\${slaWarning}"/>
    <bpmn:boundaryEvent id="overdue" cancelActivity="false" attachedToRef="appraise">
      <bpmn:outgoing>toReport</bpmn:outgoing>
      <bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">\${deadlines.stepDue(execution)}</bpmn:timeDate></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="toReport" sourceRef="overdue" targetRef="report"/>
    <bpmn:serviceTask id="report" camunda:delegateExpression="\${slaOverdue}"/>`));
}

module.exports = { model, lint, timedStep };
