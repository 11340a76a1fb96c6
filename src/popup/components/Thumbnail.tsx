import './Thumbnail.css';

interface Props {
  src: string;
  size: number;
  /** Empty when a label beside it already says what it shows. */
  alt?: string;
}

/** A history thumbnail in a fixed square, so nothing moves while it decodes. */
export function Thumbnail({ src, size, alt = '' }: Props) {
  return (
    <span class="thumb" style={{ width: `${size}px`, height: `${size}px` }}>
      {/* Empty for the few ms between an answer from a page and its thumbnail. */}
      {src && <img src={src} alt={alt} width={size} height={size} decoding="async" draggable={false} />}
    </span>
  );
}
