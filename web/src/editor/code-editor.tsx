import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type * as Monaco from 'monaco-editor';
import { Loading } from '../ui/loading.js';
import { loadMonaco, type MonacoApi } from './load-monaco.js';

const LANGUAGE_BY_EXTENSION: Record<string, string> = { ts: 'typescript', js: 'javascript', py: 'python', md: 'markdown', json: 'json' };
export const languageOf = (path: string) => LANGUAGE_BY_EXTENSION[path.split('.').pop() ?? ''] ?? 'plaintext';

export interface EditorFile {
  path: string;
  content: string;
  editable: boolean;
}

/** One content change as recorded: replace `length` characters at `offset` with `text`. */
export interface TextChange {
  offset: number;
  length: number;
  text: string;
}

export interface CodeEditorHandlers {
  onChange(path: string, content: string, changes: TextChange[]): void;
  onSelect(path: string, anchor: number, head: number): void;
  onPaste(path: string, size: number, lines: number): void;
}

export interface CodeEditorHandle {
  open(path: string): void;
  cursorOf(path: string): number;
  focus(): void;
  /** A new file, or a file moved to a new path with its text (a Monaco model's path is fixed, so a rename is a new model). */
  add(file: EditorFile): void;
  remove(path: string): void;
  /** Marks a problem the tests reported at a line of a file (null clears every mark). */
  mark(problem: { path: string; line: number; message: string } | null): void;
}

/**
 * Monaco over several files: one model per file (so TypeScript sees every file and imports
 * resolve), read-only files locked, the cursor put back where it was. Monaco arrives lazily.
 * Files come and go through the handle (`add`, `remove`): after the first render the models,
 * not the `files` prop, are the truth.
 */
export const CodeEditor = forwardRef<CodeEditorHandle, { files: EditorFile[]; active: string; cursors?: Record<string, number>; handlers: CodeEditorHandlers; label: string; autoFocus?: boolean }>(function CodeEditor(
  { files, active, cursors = {}, handlers, label, autoFocus = false },
  ref,
) {
  const host = useRef<HTMLDivElement>(null);
  const [monaco, setMonaco] = useState<MonacoApi>();
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor>(null);
  const models = useRef(new Map<string, Monaco.editor.ITextModel>());
  const viewStates = useRef(new Map<string, Monaco.editor.ICodeEditorViewState | null>());
  const current = useRef(active);
  const live = useRef(handlers);
  live.current = handlers;
  const editable = useRef(new Map(files.map((f) => [f.path, f.editable])));
  /** The problem to mark, kept until Monaco has arrived (results restored after a reload come first). */
  const mark = useRef<{ path: string; line: number; message: string } | null>(null);
  const marked = useRef<Monaco.editor.ITextModel>(null);
  const showMark = (m: MonacoApi) => {
    if (marked.current && !marked.current.isDisposed()) m.editor.setModelMarkers(marked.current, 'tests', []);
    const problem = mark.current;
    const model = problem && models.current.get(problem.path);
    marked.current = model ?? null;
    if (!model || !problem) return;
    const line = Math.min(Math.max(1, problem.line), model.getLineCount());
    m.editor.setModelMarkers(model, 'tests', [{ severity: m.MarkerSeverity.Error, message: problem.message, startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: model.getLineMaxColumn(line) }]);
  };

  const addModel = (m: MonacoApi, file: EditorFile) => {
    const model = m.editor.createModel(file.content, languageOf(file.path), m.Uri.file(file.path));
    models.current.set(file.path, model);
    editable.current.set(file.path, file.editable);
    model.onDidChangeContent((event) => {
      // Offsets refer to the text before this event: applied from the end backwards, each stays valid.
      const changes = [...event.changes].sort((a, b) => b.rangeOffset - a.rangeOffset).map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text }));
      live.current.onChange(file.path, model.getValue(), changes);
    });
  };

  useEffect(() => {
    let cancelled = false;
    void loadMonaco().then((m) => !cancelled && setMonaco(m));
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (!monaco || !host.current) return;
    const defaults = [monaco.typescript.typescriptDefaults, monaco.typescript.javascriptDefaults];
    for (const d of defaults) {
      d.setCompilerOptions({ target: monaco.typescript.ScriptTarget.ES2020, module: monaco.typescript.ModuleKind.ESNext, moduleResolution: monaco.typescript.ModuleResolutionKind.NodeJs, allowJs: true, strict: true, allowNonTsExtensions: true });
    }
    for (const file of files) addModel(monaco, file);
    showMark(monaco);
    const instance = monaco.editor.create(host.current, {
      model: models.current.get(current.current) ?? null,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      scrollBeyondLastLine: false,
      // Monaco's dimmed number for the line after a final newline is below WCAG contrast.
      renderFinalNewline: 'on',
      tabSize: 2,
      ariaLabel: label,
      readOnly: !editable.current.get(current.current),
    });
    editor.current = instance;
    if (autoFocus) instance.focus();
    const restore = (path: string) => {
      const model = models.current.get(path);
      const offset = cursors[path];
      if (model && offset !== undefined) instance.setPosition(model.getPositionAt(offset));
    };
    restore(current.current);
    instance.onDidChangeCursorSelection((event) => {
      const model = instance.getModel();
      if (!model) return;
      live.current.onSelect(current.current, model.getOffsetAt(event.selection.getSelectionStart()), model.getOffsetAt(event.selection.getPosition()));
    });
    instance.onDidPaste((event) => {
      const text = instance.getModel()?.getValueInRange(event.range) ?? '';
      live.current.onPaste(current.current, text.length, text.split('\n').length);
    });
    return () => {
      instance.dispose();
      for (const model of models.current.values()) model.dispose();
      models.current.clear();
    };
    // The files are the editor's starting point; afterwards the models are the truth.
  }, [monaco]);

  useImperativeHandle(
    ref,
    () => ({
      open(path) {
        const instance = editor.current;
        const model = models.current.get(path);
        if (!instance || !model || path === current.current) {
          current.current = path;
          return;
        }
        viewStates.current.set(current.current, instance.saveViewState());
        current.current = path;
        instance.setModel(model);
        instance.updateOptions({ readOnly: !editable.current.get(path) });
        const view = viewStates.current.get(path);
        if (view) instance.restoreViewState(view);
        instance.focus();
      },
      cursorOf(path) {
        const model = models.current.get(path);
        const position = path === current.current ? editor.current?.getPosition() : null;
        return model && position ? model.getOffsetAt(position) : 0;
      },
      focus: () => editor.current?.focus(),
      add(file) {
        if (monaco && !models.current.has(file.path)) addModel(monaco, file);
      },
      remove(path) {
        models.current.get(path)?.dispose();
        models.current.delete(path);
        viewStates.current.delete(path);
      },
      mark(problem) {
        mark.current = problem;
        if (monaco) showMark(monaco);
      },
    }),
    [monaco],
  );

  return (
    <div className="code-editor" aria-busy={!monaco}>
      {!monaco ? <Loading label="Loading the editor" /> : null}
      <div ref={host} className="code-editor-host" data-testid="code-editor" />
    </div>
  );
});
