/** The lesson script editor: CodeMirror 6 with TypeScript highlighting. */
import { javascript } from '@codemirror/lang-javascript';
import { EditorView, basicSetup } from 'codemirror';

export class ScriptEditor {
  private readonly view: EditorView;

  constructor(parent: HTMLElement, doc: string) {
    this.view = new EditorView({ doc, parent, extensions: [basicSetup, javascript({ typescript: true }), EditorView.lineWrapping] });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  set text(doc: string) {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: doc } });
  }

  /** Select line `n` (1-based) and scroll to it: where an error points. */
  showLine(n: number): void {
    const doc = this.view.state.doc;
    if (n < 1 || n > doc.lines) return;
    const line = doc.line(n);
    this.view.dispatch({ selection: { anchor: line.from, head: line.to }, scrollIntoView: true });
    this.view.focus();
  }

  destroy(): void {
    this.view.destroy();
  }
}
