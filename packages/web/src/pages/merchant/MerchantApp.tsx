// The merchant portal (its own chunk). Pages: sign-in, inbox, complaint, team, API keys.
export default function MerchantApp({ path }: { path: string }) {
  return <p data-path={path}>Merchant portal</p>;
}
