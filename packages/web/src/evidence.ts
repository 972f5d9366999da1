// An evidence file as the API describes it (GET /api/v1/complaints/{code}: `evidence[]`),
// shared by the merchant portal and the regulator console.
export interface Evidence {
  id: string;
  filename: string;
  mediaType: string;
  /** A PDF that can act when opened: what it carries (shown as a warning beside it). */
  activeContent?: string[];
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  createdAt: string;
}
