// The regulator console (its own chunk). Pages: sign-in with TOTP, queue, case.
export default function RegulatorApp({ path }: { path: string }) {
  return <p data-path={path}>Regulator console</p>;
}
