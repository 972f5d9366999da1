// Consumer page: SellersPage (to be built).
export default function SellersPage({ params }: { params: Record<string, string> }) {
  return <p data-params={JSON.stringify(params)}>SellersPage</p>;
}
