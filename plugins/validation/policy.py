"""The Content-Security-Policy and the other security headers of the site."""


def content_security_policy(frame_hosts=(), for_header=False, wasm=False) -> str:
    """The policy; `wasm` allows compiling WebAssembly (Pagefind's search needs it), which
    is not 'unsafe-eval': scripts still come only from the site itself."""
    frames = " ".join(f"https://{host}" for host in sorted(frame_hosts)) or "'none'"
    directives = [
        "default-src 'self'",
        "script-src 'self'" + (" 'wasm-unsafe-eval'" if wasm else ""),
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self'",
        f"frame-src {frames}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    if for_header:  # ignored (and warned about) in a <meta> policy
        directives.append("frame-ancestors 'none'")
    return "; ".join(directives)


def header_lines(frame_hosts=(), wasm=False) -> list[tuple[str, str]]:
    return [
        (
            "Content-Security-Policy",
            content_security_policy(frame_hosts, for_header=True, wasm=wasm),
        ),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("X-Frame-Options", "DENY"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    ]


def netlify_headers(frame_hosts=(), wasm=False) -> str:
    """`_headers` for Netlify and Cloudflare Pages."""
    lines = ["/*"] + [f"  {name}: {value}" for name, value in header_lines(frame_hosts, wasm)]
    return "\n".join(lines) + "\n"


def htaccess(frame_hosts=(), wasm=False) -> str:
    """`.htaccess` for Apache (mod_headers)."""
    lines = ["<IfModule mod_headers.c>"]
    lines += [
        f'  Header always set {name} "{value}"' for name, value in header_lines(frame_hosts, wasm)
    ]
    lines.append("</IfModule>")
    return "\n".join(lines) + "\n"


def nginx(frame_hosts=(), wasm=False) -> str:
    return (
        "\n".join(
            f'add_header {name} "{value}" always;'
            for name, value in header_lines(frame_hosts, wasm)
        )
        + "\n"
    )
