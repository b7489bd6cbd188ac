// Opens every *.bpmn20.xml of a folder with bpmn-moddle, the model behind bpmn.io and Camunda
// Modeler, saves it and opens the saved file again. Fails, naming each difference, when the save
// moves a shape or an edge, loses a flow element or one of its Flowable attributes, or when a flow
// node or sequence flow has no shape or edge to draw it.
//
//   node roundtrip.mjs <folder>

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { BpmnModdle } from 'bpmn-moddle';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node roundtrip.mjs <folder with *.bpmn20.xml files>');
  process.exit(2);
}

const files = (await readdir(folder)).filter((name) => name.endsWith('.bpmn20.xml')).sort();
if (files.length === 0) {
  console.error(`${folder}: no *.bpmn20.xml files`);
  process.exit(1);
}

const problems = [];
for (const name of files) {
  const file = join(folder, name);
  for (const problem of await check(await readFile(file, 'utf8'))) {
    problems.push(`${file}: ${problem}`);
  }
}

if (problems.length > 0) {
  console.error(`The BPMN files do not survive a save in a modeler unchanged (${problems.length} problems):`);
  problems.forEach((problem) => console.error(`  ${problem}`));
  process.exit(1);
}
console.log(`${files.length} BPMN files keep their layout, ids and Flowable attributes through a modeler's save.`);

/** The problems of one file: import warnings, missing diagram elements, changes made by the save. */
async function check(xml) {
  const moddle = new BpmnModdle();
  const opened = await moddle.fromXML(xml);
  const { xml: saved } = await moddle.toXML(opened.rootElement, { format: true });
  const reopened = await new BpmnModdle().fromXML(saved);

  const problems = [
    ...opened.warnings.map((warning) => `import warning: ${warning.message}`),
    ...reopened.warnings.map((warning) => `import warning after saving: ${warning.message}`),
    ...undrawn(opened.rootElement),
  ];
  const before = facts(opened.rootElement);
  const after = facts(reopened.rootElement);
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    if (before.get(key) !== after.get(key)) {
      problems.push(`${key}: ${before.get(key) ?? '(none)'} became ${after.get(key) ?? '(none)'}`);
    }
  }
  return problems;
}

/** Flow nodes without a shape and sequence flows without an edge. */
function undrawn(definitions) {
  const drawn = new Set(diagramElements(definitions).map((element) => element.bpmnElement?.id));
  return flowElements(definitions)
    .filter((element) => element.$instanceOf('bpmn:FlowNode') || element.$instanceOf('bpmn:SequenceFlow'))
    .filter((element) => !drawn.has(element.id))
    .map((element) => `${element.id} (${element.$type}) has no ${element.$instanceOf('bpmn:SequenceFlow') ? 'edge' : 'shape'}`);
}

/**
 * What a save must keep, by a key naming the element: layout, ids, references and the attributes
 * BPMN does not define (the flowable: ones, such as delegateExpression, assignee, candidateGroups
 * and formKey), with flowable:in and flowable:out parameters.
 */
function facts(definitions) {
  const facts = new Map();
  for (const element of flowElements(definitions)) {
    const id = `element ${element.id}`;
    facts.set(id, element.$type);
    for (const property of ['name', 'calledElement', 'cancelActivity']) {
      if (element[property] !== undefined) {
        facts.set(`${id} ${property}`, String(element[property]));
      }
    }
    for (const reference of ['sourceRef', 'targetRef', 'attachedToRef', 'default']) {
      if (element[reference]) {
        facts.set(`${id} ${reference}`, element[reference].id);
      }
    }
    if (element.conditionExpression) {
      facts.set(`${id} condition`, element.conditionExpression.body);
    }
    for (const definition of element.eventDefinitions ?? []) {
      facts.set(`${id} ${definition.$type}`, definition.timeDuration?.body ?? '');
    }
    for (const [attribute, value] of Object.entries(element.$attrs ?? {})) {
      if (!attribute.startsWith('xmlns')) {
        facts.set(`${id} ${attribute}`, value);
      }
    }
    (element.extensionElements?.values ?? []).forEach((extension, index) => {
      facts.set(`${id} extension ${index}`, describe(extension));
    });
  }
  for (const element of diagramElements(definitions)) {
    const id = element.bpmnElement?.id ?? element.id;
    if (element.bounds) {
      facts.set(`shape ${id}`, bounds(element.bounds));
    }
    if (element.waypoint) {
      facts.set(`edge ${id}`, element.waypoint.map((point) => `(${point.x},${point.y})`).join(' '));
    }
    if (element.label?.bounds) {
      facts.set(`label ${id}`, bounds(element.label.bounds));
    }
  }
  return facts;
}

/** An extension element (such as flowable:in) as its type and attributes, in a stable order. */
function describe(extension) {
  const attributes = Object.keys(extension)
    .filter((key) => !key.startsWith('$'))
    .sort()
    .map((key) => `${key}=${extension[key]}`);
  return [extension.$type, ...attributes, extension.$body ?? ''].join(' ').trim();
}

function bounds({ x, y, width, height }) {
  return `x=${x} y=${y} width=${width} height=${height}`;
}

/** The flow elements of all processes, including those inside sub-processes. */
function flowElements(definitions) {
  const all = [];
  const walk = (container) => {
    for (const element of container.flowElements ?? []) {
      all.push(element);
      walk(element);
    }
  };
  definitions.rootElements.filter((element) => element.$instanceOf('bpmn:Process')).forEach(walk);
  return all;
}

/** The shapes and edges of all diagrams. */
function diagramElements(definitions) {
  return (definitions.diagrams ?? []).flatMap((diagram) => diagram.plane.planeElement ?? []);
}
