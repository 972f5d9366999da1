// An evidence file as the API describes it (GET /api/v1/complaints/{code}: `evidence[]`),
// shared by the merchant portal and the regulator console.
export interface Evidence {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  createdAt: string;
}
