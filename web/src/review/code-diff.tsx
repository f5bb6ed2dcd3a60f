import { useEffect, useRef, useState } from 'react';
import { DESIGN_DOC_PATH, type AttemptDetail } from '@assay/contract';
import { languageOf } from '../editor/code-editor.js';
import { loadMonaco } from '../editor/load-monaco.js';
import { CandidateContent } from '../markdown/candidate-content.js';
import { MarkdownView } from '../markdown/markdown-view.js';
import { Loading } from '../ui/loading.js';

type Change = 'changed' | 'added' | 'unchanged';

/** The final code against the starter, file by file, in Monaco's diff editor; DESIGN.md rendered. */
export function CodeDiff({ detail }: { detail: AttemptDetail }) {
  const starter = new Map(detail.starterFiles.map((f) => [f.path, f.content]));
  const files = detail.files.map((f) => ({ ...f, change: (!starter.has(f.path) ? 'added' : starter.get(f.path) === f.content ? 'unchanged' : 'changed') as Change }));
  const [path, setPath] = useState(files.find((f) => f.change !== 'unchanged' && f.path !== DESIGN_DOC_PATH)?.path ?? files[0]?.path ?? '');
  const host = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const file = files.find((f) => f.path === path);
  const design = files.find((f) => f.path === DESIGN_DOC_PATH);

  useEffect(() => {
    if (!host.current || !file) return;
    let disposed = false;
    let cleanup = () => undefined as void;
    void loadMonaco().then((monaco) => {
      if (disposed || !host.current) return;
      const original = monaco.editor.createModel(starter.get(file.path) ?? '', languageOf(file.path));
      const modified = monaco.editor.createModel(file.content, languageOf(file.path));
      const diff = monaco.editor.createDiffEditor(host.current, { readOnly: true, automaticLayout: true, renderSideBySide: true, minimap: { enabled: false }, originalEditable: false });
      diff.setModel({ original, modified });
      setReady(true);
      cleanup = () => {
        diff.dispose();
        original.dispose();
        modified.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
    // A new diff per file shown.
  }, [path]);

  return (
    <section aria-labelledby="code-title">
      <h2 id="code-title">Final code</h2>
      <div className="row" role="group" aria-label="Files">
        {files.map((f) => (
          <button key={f.path} type="button" aria-pressed={f.path === path} onClick={() => setPath(f.path)}>
            {f.path} <span className={`badge ${f.change === 'unchanged' ? 'muted' : 'info'}`}>{f.change}</span>
          </button>
        ))}
      </div>
      <p className="muted">Left: the starter. Right: what the candidate submitted.</p>
      {!ready ? <Loading label="Loading the diff" /> : null}
      <div ref={host} className="diff-host" data-testid="code-diff" />
      {design ? (
        <>
          <h2>DESIGN.md, as written</h2>
          <CandidateContent label="The candidate's DESIGN.md">
            <MarkdownView source={design.content} label="The candidate's design" />
          </CandidateContent>
        </>
      ) : null}
    </section>
  );
}
