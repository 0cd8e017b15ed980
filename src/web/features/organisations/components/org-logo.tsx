// An organisation's logo, or its initials on a tinted square when it has none, so cards keep their shape.
import { Avatar, Image } from '@mantine/core';

function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => /\p{L}/u.test(w) && w.length > 2);
  return (words.length ? words : name.split(/\s+/))
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
}

export function OrgLogo({
  name,
  url,
  size = 56,
  alt,
}: {
  name: string;
  url: string | null;
  size?: number;
  alt: string;
}) {
  if (url) {
    return (
      <Image
        src={url}
        alt={alt}
        w={size}
        h={size}
        fit="contain"
        radius="sm"
        loading="lazy"
        style={{ flexShrink: 0, background: 'var(--mantine-color-white)' }}
      />
    );
  }
  // Decorative: the name is printed beside it.
  return (
    <Avatar size={size} radius="sm" color="teal.9" variant="light" aria-hidden style={{ flexShrink: 0 }}>
      {initials(name)}
    </Avatar>
  );
}
