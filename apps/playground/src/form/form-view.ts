import { h, replaceChildren } from '../element.js';
import { inlineCode } from '../inline-code.js';
import type { FieldSpec } from './field-spec.js';
import type { FieldError, FormValues } from './payload.js';

/** A rendered form: read its values, show or clear errors next to the fields. */
export interface FormView {
  readonly element: HTMLFormElement;
  values(): FormValues;
  showErrors(errors: readonly FieldError[]): void;
  clearErrors(): void;
}

/** Builds the inputs for the field specs: a select for enums, a number input with bounds, a text input. */
export function renderForm(name: string, fields: readonly FieldSpec[], onChange: () => void): FormView {
  const errorsOf = new Map<string, HTMLElement>();
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const general = h('div', { class: 'form-errors', role: 'alert', hidden: true });
  const form = h('form', { class: 'job-form', name, novalidate: true });
  for (const field of fields) {
    const inputId = `${name}-${field.id.replace(/\./g, '-')}`;
    const input = inputFor(field, inputId);
    inputs.set(field.id, input);
    const error = h('p', { class: 'field-error', id: `${inputId}-error`, role: 'alert', hidden: true });
    errorsOf.set(field.id, error);
    input.setAttribute('aria-describedby', `${inputId}-help ${inputId}-error`);
    input.addEventListener('input', onChange);
    input.addEventListener('change', onChange);
    const label = h('label', { for: inputId }, field.label, field.required ? h('span', { class: 'required', title: 'required' }, ' *') : null);
    form.append(
      h(
        'div',
        { class: `field field-${field.kind}`, 'data-field': field.id },
        field.kind === 'boolean' ? h('div', { class: 'checkbox' }, input, label) : label,
        field.kind === 'boolean' ? null : input,
        field.description ? h('p', { class: 'help', id: `${inputId}-help` }, ...inlineCode(field.description)) : null,
        error,
      ),
    );
  }
  form.append(general);

  const clearErrors = () => {
    for (const [id, element] of errorsOf) {
      element.hidden = true;
      element.textContent = '';
      inputs.get(id)?.removeAttribute('aria-invalid');
    }
    general.hidden = true;
    general.replaceChildren();
  };

  return {
    element: form,
    values() {
      const values: Record<string, string | boolean> = {};
      for (const [id, input] of inputs) values[id] = input instanceof HTMLInputElement && input.type === 'checkbox' ? input.checked : input.value;
      return values;
    },
    showErrors(errors) {
      clearErrors();
      const loose: string[] = [];
      for (const raw of errors) {
        const error = { ...raw, message: raw.message.charAt(0).toUpperCase() + raw.message.slice(1) };
        const element = error.field === null ? undefined : errorsOf.get(error.field);
        if (!element) {
          loose.push(error.message);
          continue;
        }
        element.textContent = element.textContent ? `${element.textContent} ${error.message}` : error.message;
        element.hidden = false;
        inputs.get(error.field ?? '')?.setAttribute('aria-invalid', 'true');
      }
      if (loose.length > 0) {
        replaceChildren(general, ...loose.map((message) => h('p', {}, message)));
        general.hidden = false;
      }
    },
    clearErrors,
  };
}

function inputFor(field: FieldSpec, id: string): HTMLInputElement | HTMLSelectElement {
  if (field.kind === 'enum') {
    const select = h('select', { id, name: field.id });
    select.append(h('option', { value: '' }, field.required ? 'Choose…' : 'Default'));
    for (const option of field.options) select.append(h('option', { value: option }, option));
    return select;
  }
  if (field.kind === 'boolean') return h('input', { id, name: field.id, type: 'checkbox' });
  const numeric = field.kind === 'integer' || field.kind === 'number';
  // Bounds are shown (min/max) but not enforced by the browser: the schema's message is the one users see.
  return h('input', {
    id,
    name: field.id,
    type: numeric ? 'number' : 'text',
    inputmode: numeric ? (field.kind === 'integer' ? 'numeric' : 'decimal') : undefined,
    min: field.min ?? undefined,
    max: field.max ?? undefined,
    step: field.kind === 'integer' ? 1 : undefined,
    maxlength: field.maxLength ?? undefined,
    placeholder: field.example ?? (numeric && field.min !== null && field.max !== null ? `${field.min}–${field.max}` : undefined),
    autocomplete: 'off',
    spellcheck: 'false',
  });
}
