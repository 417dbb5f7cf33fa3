// A labelled picker over every issue category, shown by its human label (escalations, incidents).
import { issueCategoryLabels, issueCategorySchema, type IssueCategory } from '../../src-shared/issue-category';

export function IssueCategoryField(props: { label: string; value: IssueCategory; onChange: (category: IssueCategory) => void }) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value as IssueCategory)}>
        {issueCategorySchema.options.map((c) => (
          <option key={c} value={c}>
            {issueCategoryLabels[c]}
          </option>
        ))}
      </select>
    </label>
  );
}
