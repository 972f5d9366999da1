// Consumer page: SellerPage (to be built).
export default function SellerPage({ params }: { params: Record<string, string> }) {
  return <p data-params={JSON.stringify(params)}>SellerPage</p>;
}
