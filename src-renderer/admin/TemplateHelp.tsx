// Under a greeting or canned-response editor: the variables that may be used, a warning for a {name} that is not
// one (a typo customers would see as is), and the text filled with sample values.
import { fillTemplate, templateVariables, unknownVariables, type TemplateValues } from '../../src-shared/canned-response';

export function TemplateHelp(props: { id: string; text: string; sample: TemplateValues; emptyPreview?: string }) {
  const unknown = unknownVariables(props.text);
  const preview = props.text.trim() === '' ? (props.emptyPreview ?? '') : fillTemplate(props.text, props.sample);
  return (
    <div className="template-help" id={props.id}>
      <p className="template-vars">
        <span className="muted">Variables:</span>{' '}
        {Object.entries(templateVariables).map(([name, what]) => (
          <span key={name} className="template-var">
            <code>{`{${name}}`}</code> <span className="muted">{what}</span>
          </span>
        ))}
      </p>
      {unknown.length > 0 && (
        <p className="template-unknown" role="alert" data-testid="unknown-variables">
          Not a variable: {unknown.map((n) => `{${n}}`).join(', ')} — customers would see it as typed.
        </p>
      )}
      {preview !== '' && (
        <div className="template-preview">
          <span className="muted">Preview</span>
          <p data-testid="template-preview">{preview}</p>
        </div>
      )}
    </div>
  );
}
