import { Component, type ReactNode } from 'react';
import { LIST_PATH } from '../../core/routes.ts';

interface Props {
  /** The pane in words, for the message: "This dispatch", "The list". */
  what: string;
  /** The address shown: going elsewhere tries the pane again. */
  at: string;
  children: ReactNode;
}

interface State {
  at: string;
  failed: boolean;
}

/**
 * Whatever goes wrong inside one pane (a data file of an unexpected shape, a bug) stays in it: the
 * pane says so, with a way back to the list and a way to reload, and the rest of the page works on.
 */
export class PaneBoundary extends Component<Props, State> {
  override state: State = { at: this.props.at, failed: false };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.at === state.at ? null : { at: props.at, failed: false };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <p className="notice" role="alert">
        {this.props.what} could not be shown. <a href={LIST_PATH}>Back to the list</a> or{' '}
        <button type="button" className="link-button" onClick={() => window.location.reload()}>reload the page</button>.
      </p>
    );
  }
}
