import { Component, type ComponentChildren, createRef } from "preact";
import { focusAfterPaint, trapTab } from "./first-layer";

/** Props of a dialog. */
export interface DialogProps {
  class: string;
  /** Modal dialogs keep keyboard focus inside until they close. */
  modal: boolean;
  labelledBy: string;
  describedBy?: string;
  onEscape?(): void;
  children: ComponentChildren;
}

/**
 * A labelled dialog that takes focus when it opens, traps Tab when modal, and hands Escape to
 * its owner. Focus goes back where it was when the UI closes (see `mount`).
 */
export class Dialog extends Component<DialogProps> {
  ref = createRef<HTMLDivElement>();

  /**
   * Focus moves in once the dialog has been painted: focusing during the first render would make
   * the browser lay out the whole page inside this script's task (tens of milliseconds on a slow
   * device); after the frame, the layout is already done.
   */
  override componentDidMount() {
    if (this.ref.current) focusAfterPaint(this.ref.current);
  }

  onKeyDown = (event: KeyboardEvent) => {
    const { props } = this;
    const dialog = this.ref.current;
    if (event.key === "Escape" && props.onEscape) {
      event.stopPropagation();
      props.onEscape();
    }
    if (props.modal && dialog) trapTab(dialog, event);
  };

  override render(props: DialogProps) {
    return (
      <div
        ref={this.ref}
        class={props.class}
        part={props.class}
        role="dialog"
        aria-modal={props.modal ? "true" : "false"}
        aria-labelledby={props.labelledBy}
        aria-describedby={props.describedBy}
        tabIndex={-1}
        onKeyDown={this.onKeyDown}
      >
        {props.children}
      </div>
    );
  }
}
