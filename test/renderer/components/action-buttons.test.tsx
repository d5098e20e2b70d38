import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ActionButtons } from '../../../src-renderer/components/action-buttons';

describe('ActionButtons', () => {
  it('names each button with its row, marks the primary one and keeps the focus key', () => {
    const html = renderToStaticMarkup(
      <ActionButtons
        buttons={[
          { text: '确认', label: '确认 王芳', primary: true, onClick: () => undefined },
          { text: '编辑', label: '编辑 王芳', focusKey: 'edit-1', onClick: () => undefined },
        ]}
      />,
    );
    expect(html).toBe(
      '<button type="button" class="primary" aria-label="确认 王芳">确认</button>' +
        '<button type="button" data-focus-key="edit-1" aria-label="编辑 王芳">编辑</button>',
    );
  });

  it('is nothing without actions', () => {
    expect(renderToStaticMarkup(<ActionButtons buttons={[]} />)).toBe('');
  });
});
