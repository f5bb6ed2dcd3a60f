import { Component, type ReactNode } from 'react';

interface Props {
  /** What failed, in the message: "This page", "The replay". */
  what: string;
  children: ReactNode;
}

/**
 * One broken page or panel shows its error in place, and the rest of the app stays usable: a
 * recording or a document from a candidate must never blank the verdict or the scorecard.
 */
export class ErrorBoundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    const message = this.state.error instanceof Error ? this.state.error.message : String(this.state.error);
    return (
      <div className="error" role="alert">
        <strong>{this.props.what} could not be shown</strong> ({message}); the rest of the page still works.{' '}
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
