// Consumer page: FilePage (to be built).
export default function FilePage({ params }: { params: Record<string, string> }) {
  return <p data-params={JSON.stringify(params)}>FilePage</p>;
}
