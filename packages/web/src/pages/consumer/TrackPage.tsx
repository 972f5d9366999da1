// Consumer page: TrackPage (to be built).
export default function TrackPage({ params }: { params: Record<string, string> }) {
  return <p data-params={JSON.stringify(params)}>TrackPage</p>;
}
