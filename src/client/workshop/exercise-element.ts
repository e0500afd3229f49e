/**
 * `<gml-exercise>`: the page's one interactive part. The editor is the point of the page, so the
 * controller (CodeMirror included) loads right away rather than on visibility.
 */
class GmlExercise extends HTMLElement {
  #mounted = false;

  connectedCallback(): void {
    if (this.#mounted) return;
    this.#mounted = true;
    void import('./exercise-controller.ts').then((m) => m.mountExercise(this));
  }
}

if (!customElements.get('gml-exercise')) customElements.define('gml-exercise', GmlExercise);
