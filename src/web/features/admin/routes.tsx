import { Navigate, Route, Routes } from "react-router";
import { NotFoundPage } from "../../app/shell";
import { AuditPage } from "./AuditPage";
import { OrganisationsPage } from "./OrganisationsPage";
import { RolesPage } from "./RolesPage";
import { UserEditPage } from "./UserEditPage";
import { UserNewPage } from "./UserNewPage";
import { UsersPage } from "./UsersPage";

/**
 * The administration screens, mounted at /admin/*. Each page checks its own ability and tells
 * anyone without it that they are not allowed (the server refuses their requests anyway).
 */
export function AdminRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to="users" replace />} />
      <Route path="users" element={<UsersPage />} />
      <Route path="users/new" element={<UserNewPage />} />
      <Route path="users/:id" element={<UserEditPage />} />
      <Route path="roles" element={<RolesPage />} />
      <Route path="organisations" element={<OrganisationsPage />} />
      <Route path="audit" element={<AuditPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
