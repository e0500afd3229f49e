/** Where the sandbox API lives: same origin unless the build set PUBLIC_API_BASE. */
export const API_BASE: string = (import.meta.env['PUBLIC_API_BASE'] as string | undefined) ?? '';
