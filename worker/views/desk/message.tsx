import { DeskLayout, type DeskUi } from './layout';

/** A page that only tells the editor something (not found, not allowed, expired form). */
export function DeskMessage(props: { ui: DeskUi; title: string; detail?: string }) {
  return (
    <DeskLayout ui={props.ui} title={props.title}>
      <h1>{props.title}</h1>
      {props.detail ? <p>{props.detail}</p> : null}
      <p>
        <a href="/desk">{props.ui.t('navQueue')}</a>
      </p>
    </DeskLayout>
  );
}
